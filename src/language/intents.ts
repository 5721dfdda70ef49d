import type { Language } from '../kb/types';

/**
 * The few things a user can say at any point of a conversation, recognised in either language
 * whatever the conversation's language is: a Spanish speaker may well type "help".
 */

export type Command =
  | { kind: 'help' }
  | { kind: 'cancel' }
  | { kind: 'startOver' }
  | { kind: 'switchLanguage'; language: Language }
  /** "language" / "idioma" (the Teams command menu's entry): the other of the two languages. */
  | { kind: 'toggleLanguage' };

const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[¡!¿?.,;:()"'`*_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const COMMANDS: ReadonlyArray<readonly [RegExp, Command]> = [
  [/^(help|ayuda|ayudame|\?|what can you do|que puedes hacer)$/, { kind: 'help' }],
  [/^(cancel|cancelar|cancela|stop|quit|exit|salir|para|parar)$/, { kind: 'cancel' }],
  [/^(start over|restart|reset|start again|begin again|empezar de nuevo|empezar otra vez|volver a empezar|reiniciar|de nuevo|empecemos de nuevo)$/, { kind: 'startOver' }],
  [/^((in )?english( please)?|(en )?ingles( por favor)?|(please )?switch to english|speak english|habla(me)? en ingles)$/, { kind: 'switchLanguage', language: 'en' }],
  [/^(language|idioma|change (the )?language|switch language|cambiar (de |el )?idioma|cambia (de |el )?idioma|otro idioma)$/, { kind: 'toggleLanguage' }],
  [/^((en )?espanol( por favor)?|(in )?spanish( please)?|(please )?switch to spanish|habla(me)? en espanol|castellano|en castellano)$/, { kind: 'switchLanguage', language: 'es' }],
];

// Asking to switch in a sentence: "¿podemos seguir en español?", "can we continue in English?".
// A verb of talking or going on, or a polite request, must come with the language: "the log is
// in English" is not a request.
const ASK_SPANISH =
  /\b(seguir|sigamos|sigue|continuar|continua|continuemos|hablar|habla|hablame|hablemos|escribir|escribe|escribeme|responde|respondeme|contesta|contestame|cambiar|cambia|pasar|pasa|pasemos|podemos|puedes|prefiero|continue|speak|talk|switch|reply|answer|write|can we|could you|can you)\b.*\b(en |in )?(espanol|castellano|spanish)\b/;
const ASK_ENGLISH =
  /\b(continue|go on|speak|talk|switch|reply|answer|write|can we|could you|can you|prefer|seguir|sigamos|continuar|hablar|hablame|hablemos|escribe|responde|contesta|cambiar|pasar|podemos|puedes|prefiero)\b.*\b(in |en )?(english|ingles)\b/;
const MAX_LANGUAGE_REQUEST_LENGTH = 80;

export function recognizeCommand(text: string | undefined): Command | undefined {
  const folded = fold(text ?? '');
  if (!folded || folded.length > MAX_LANGUAGE_REQUEST_LENGTH) return undefined;
  if (folded.length <= 40) {
    const command = COMMANDS.find(([pattern]) => pattern.test(folded))?.[1];
    if (command) return command;
  }
  if (ASK_SPANISH.test(folded)) return { kind: 'switchLanguage', language: 'es' };
  if (ASK_ENGLISH.test(folded)) return { kind: 'switchLanguage', language: 'en' };
  return undefined;
}

export interface SmallTalk {
  kind: 'greeting' | 'thanks';
  language: Language;
}

const SMALL_TALK: ReadonlyArray<readonly [RegExp, SmallTalk]> = [
  [/^(hi|hello|hey|hi there|hello there|good (morning|afternoon|evening))$/, { kind: 'greeting', language: 'en' }],
  [/^(hola|buenas|buenos dias|buenas tardes|buenas noches|hola buenas)$/, { kind: 'greeting', language: 'es' }],
  [/^(thanks|thank you|thanks a lot|thank you very much|thx|ty|cheers|great thanks|ok thanks)$/, { kind: 'thanks', language: 'en' }],
  [/^(gracias|muchas gracias|mil gracias|vale gracias|ok gracias|genial gracias|perfecto gracias)$/, { kind: 'thanks', language: 'es' }],
];

/** A greeting or a thank-you on its own, and its language: not a question to search. */
export function recognizeSmallTalk(text: string | undefined): SmallTalk | undefined {
  const folded = fold(text ?? '');
  return SMALL_TALK.find(([pattern]) => pattern.test(folded))?.[1];
}

const YES =
  /^(y|yes|yeah|yep|yup|sure|ok|okay|of course|please|go ahead|let s go|si|sip|vale|claro|por supuesto|de acuerdo|dale|adelante|venga|ok vale|helpful|util|me ha servido|sirvio|me sirvio)( please| por favor| gracias| thanks)?$/;
const NO =
  /^(n|no|nope|nah|no thanks|not now|not really|skip|no gracias|ahora no|paso|not helpful|no me ha servido|no sirvio|no me sirvio|no util)( please| por favor| gracias| thanks)?$/;

// A short answer that starts with yes or no and goes on ("ok, let's do it", "no, not now").
const YES_START =
  /^(yes|yeah|yep|yup|sure|ok|okay|of course|go ahead|go on|go for it|carry on|please do|let s (go|do it|start|check)|do it|si|sip|vale|claro|por supuesto|de acuerdo|dale|adelante|venga|vamos|va|sale|simon|andale|orale|hagamoslo|perfecto|perfect|great|absolutely|definitely)\b/;
const NO_START = /^(no|nope|nah|not now|not really|skip|ahora no|paso)\b/;
const NEGATION = /\b(no|not|don t|dont|never|nunca|tampoco)\b/;
const MAX_YES_NO_WORDS = 6;

/** "Yes. My console shows Bogotá time…": a yes that goes on, however long. */
export function startsWithYes(text: string | undefined): boolean {
  const folded = fold(text ?? '');
  return /^(yes|yeah|yep|sure|ok|okay|si|vale|claro|dale|de acuerdo|por supuesto|of course)\b(?! not\b| no\b)/.test(folded) && !/^(yes|si) but no\b/.test(folded);
}

/** Yes or no typed in either language; undefined for anything else. */
export function recognizeYesNo(text: string | undefined): boolean | undefined {
  const folded = fold(text ?? '');
  if (YES.test(folded)) return true;
  if (NO.test(folded)) return false;
  if (folded.split(' ').length > MAX_YES_NO_WORDS) return undefined;
  if (NO_START.test(folded)) return false;
  if (YES_START.test(folded) && !NEGATION.test(folded)) return true;
  return undefined;
}

const DONT_KNOW =
  /^(i )?(don ?t|do not|dont) know|^(no idea|not sure|dunno|unknown|no lo se|no se|ni idea|ni idea de|lo desconozco|desconozco|no estoy seguro|no estoy segura|ns)\b/;

/** "No lo sé", "I don't know" and the like. */
export function isDontKnow(text: string | undefined): boolean {
  const folded = fold(text ?? '');
  return folded.length <= 60 && DONT_KNOW.test(folded);
}
