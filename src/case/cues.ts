/**
 * The words that say what a piece of a message is about, in Spanish and English, matched
 * on folded text (lower case, no accents: see fold.ts). Data only, plus the small tests that
 * read it; readFacts.ts decides what to do with them.
 */
import type { Role } from './types';

/** The restart itself: these decide the role even beside a failure word. */
const RESTART_STRONG =
  /\b(?:restart\w*|re-start\w*|reboot\w*|bounce[sd]?|bouncing|reinici\w*|re-inici\w*|rearranc\w*|watchdog|processrestarttime|downtime|se cae el servidor|el servidor se cae|server goes down)\b/g;
/** The server named with a time ("el servidor ... a las 6"): a restart unless a failure word says otherwise. */
const RESTART_WEAK = /\b(?:servidor|server|nlserver|instancia rt|rt instance|mantenimiento|maintenance)\b/g;
/** Failure words, and the error's own text. */
const ERROR_STRONG =
  /\b(?:errors?|errores|fall(?:a|an|ar|e|en|o|aba|aron|ando|ado|ida|ido)|fail\w*|salt[oa]|salto|pet[oa]|petando|casc[oa]|crash\w*|broke|empty return|devolucion vacia)\b/g;
/** Words of an event that happened ("fue a las", "it was", "happened"), or of the log it is read in: the error, unless the restart is named. */
const ERROR_WEAK = /\b(?:fue|fueron|it was|was at|happened|occurred|ocurrio|sucedio|salio|sale|log|logs|journal|registro|bitacora|tracking)\b/g;

type CueStrength = 'strong' | 'weak';

export interface RoleCue {
  role: Role;
  strength: CueStrength;
}

/**
 * The role the words of a clause give its times: a strong cue beats a weak one; between
 * cues of the same strength, the last one before the first number wins ("a las 6:02 falló,
 * cuando se reinicia" is rare enough that the first cue after it will do).
 */
export function roleCue(folded: string, extraErrorCue = false): RoleCue | undefined {
  const firstNumber = folded.search(/\d/);
  const pick = (strength: CueStrength, patterns: ReadonlyArray<readonly [Role, RegExp]>): RoleCue | undefined => {
    let best: { role: Role; at: number } | undefined;
    for (const [role, pattern] of patterns) {
      for (const match of folded.matchAll(pattern)) {
        const at = match.index;
        if (!best || closer(at, best.at, firstNumber)) best = { role, at };
      }
    }
    return best ? { role: best.role, strength } : undefined;
  };
  const strong = pick('strong', [
    ['restart', RESTART_STRONG],
    ['error', ERROR_STRONG],
  ]);
  if (strong) return strong;
  if (extraErrorCue) return { role: 'error', strength: 'strong' };
  return pick('weak', [
    ['restart', RESTART_WEAK],
    ['error', ERROR_WEAK],
  ]);
}

/** `at` is a better cue than `best` for a number at `number` (-1: no number). */
function closer(at: number, best: number, number: number): boolean {
  if (number < 0) return at < best;
  const before = at < number;
  const bestBefore = best < number;
  if (before !== bestBefore) return before;
  return before ? at > best : at < best;
}

/** "no, perdón", "me equivoqué", "sorry, I meant", "actually", "wait": the message corrects an earlier answer. */
export const CORRECTION =
  /\b(?:perdon|perdona|disculpa|disculpe|me equivoque|me confundi|error mio|corrijo|correccion|quise decir|quiero decir|mejor dicho|en realidad|sorry|i meant|i mean|actually|wait|correction|my mistake|my bad|oops|ups)\b|^\s*no\s*,?\s+(?:fue|era|es|son|eran|it was|it s|its|it is)\b/;

/** "Sorry, also at 7:02", "perdón, también a las 7:02": more of the same, not a correction. */
export const ADDITIVE = /\b(?:also|too|as well|another|again|tambien|ademas|otra vez|otro|otra|de nuevo)\b/;

/** "No, the error was at 7:02": a "no," that starts a message holding a time corrects what the bot noted. */
export const NO_THEN = /^\s*no\s*[,.!:;-]/;

/** Correction words that would otherwise read as cues ("error mío" is no error time). */
export const CORRECTION_PHRASES = /\b(?:error mio|my mistake|my bad|me equivoque)\b/g;

/** Words that make a time approximate. */
export const VAGUE =
  /\b(?:sobre|alrededor|a eso de|eso de|hacia|mas o menos|aprox\w*|tipo|cerca de|como a|around|about|approx\w*|roughly|more or less|or so|something like|give or take|circa|y pico|y algo|(?:right|just|shortly|soon) after|(?:justo|poco|nada mas) despues de|pasad[oa]s? (?:la|las)|past midnight|after midnight|despues de (?:la )?medianoche)\b|\d\s*-?ish\b/;

/** Approximation words the time grammar does not know: removed before it reads the clause ("6 y pico" → "6"). */
export const VAGUE_NOISE = /\b(?:y pico|y algo|more or less|or so|give or take|something like)\b|(?<=\d)\s*-?ish\b/g;

/** A half of the day said without an hour: the user does not know the minute. */
export const PARTS_OF_DAY: ReadonlyArray<readonly [RegExp, PartOfDay]> = [
  [/\b(?:early (?:in the )?morning|first thing in the morning|de madrugada|en la madrugada|esta madrugada|por la madrugada|temprano|muy de manana)\b/, 'earlyMorning'],
  [/\b(?:in the morning|this morning|por la manana|esta manana|en la manana|de manana)\b/, 'morning'],
  [/\b(?:in the afternoon|this afternoon|por la tarde|esta tarde|en la tarde|a la tarde)\b/, 'afternoon'],
  [/\b(?:in the evening|this evening)\b/, 'evening'],
  [/\b(?:at night|last night|tonight|overnight|por la noche|esta noche|anoche|de noche|en la noche)\b/, 'night'],
];

export type PartOfDay = 'earlyMorning' | 'morning' | 'afternoon' | 'evening' | 'night';

/** "I don't know" and the like, anywhere in the message. */
const DONT_KNOW =
  /\b(?:i )?(?:don['’ ]?t|do not) know\b|\bno idea\b|\bnot sure\b|\bdunno\b|\bni idea\b|\bno tengo (?:ni )?idea\b|\blo desconozco\b|\bno estoy segur[oa]\b|\bno lo se\b|\bno lo sabemos\b|\bno sabria\b|\bno sabemos\b|\bno se\s*(?:$|[,.;!?]|cuando|a que|que hora|donde|cual|la hora|eso)/;

export function isDontKnowText(folded: string, raw: string): boolean {
  return DONT_KNOW.test(folded) || /\bno sé\b/i.test(raw);
}

/** "use the default", "el de por defecto": the check's default restart time. */
export const USE_DEFAULT = /\b(?:por defecto|predeterminad[oa]|por omision|(?:by )?default|the standard one|el estandar)\b/;
/** The same, all of them, to take out of a clause before its time is read ("las 6 por defecto" → "las 6"). */
export const USE_DEFAULT_ALL = new RegExp(USE_DEFAULT.source, 'g');

/** A question rather than an answer. */
export const QUESTION = /[?¿]|^\s*(?:y\s+)?(?:como|donde|cual|cuales|que|cuando|where|how|what|which|when|can i|could i|puedo|se puede)\b/;

/** Words about time zones. */
export const ZONE_WORDS = /\b(?:zona horaria|zonas horarias|huso horario|time ?zones?|offset|utc|gmt)\b/;

/** Where the error time is read: asking about these is asking where the error time is. */
export const LOG_WORDS = /\b(?:log|logs|journal|registro|bitacora|tracking|seguimiento|historial)\b/;

/** The operator's console, or the operator: a zone said with these is the console's. */
export const CONSOLE_WORDS =
  /\b(?:consola|console|cliente|client|journal|pantalla|screen|veo|i see|muestra|shows|show|operador|operator|mi usuario|my user|mi hora|my time|mi pc|my pc|mi ordenador|my computer|mi computadora|mi equipo|nosotros|we are|we re|estamos|estoy|i am|i m)\b/;

/** The server: a zone said with these (and no time) is the server's. */
export const SERVER_WORDS = /\b(?:servidor|server|servers|servidores|instancia|instance|rt|ejecucion|execution|maquina|machine|host|nlserver)\b/;

/** "la misma que el servidor", "same as the server". */
export const SAME_AS_SERVER =
  /\b(?:(?:la )?misma (?:que|del) (?:el )?servidor|igual que (?:el )?servidor|(?:the )?same as (?:the )?server(?:'s)?|same (?:zone|time) as (?:the )?server|the server'?s (?:one|zone|time))\b/;

/** How often ("dos veces al día", "twice a day"): not a time, though "dos" and "once" are hours to the time grammar. */
export const FREQUENCY =
  /\b(?:(?:una|dos|tres|cuatro|\d+)\s+veces?(?:\s+(?:al|por|cada)\s+dia)?|(?:once|twice|(?:two|three|four|\d+)\s+times)\s+(?:a|per|each)\s+day|(?:once|twice)\s+daily|(?:todos los|cada)\s+dias?|every\s+day|daily|diariamente)\b/g;
