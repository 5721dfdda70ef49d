/** The languages the bot speaks and the knowledge base is written in. */
export type Language = 'en' | 'es';

export const LANGUAGES: readonly Language[] = ['en', 'es'];

/** One knowledge-base article in one language, as the loader hands it over. */
export interface Article {
  /** Article number, e.g. "KA-05406". */
  number: string;
  language: Language;
  title: string;
  description: string;
  /** Keywords from the front matter, split on commas, without the "KCS" tag. */
  keywords: string[];
  environment: string;
  /** Issue / symptoms section text. */
  issue: string;
  cause: string;
  /** Resolution steps, one entry per numbered/bulleted step or paragraph. */
  resolution: string[];
  /** "Steps to reproduce" / "Pasos a seguir", when the article has them. */
  stepsToReproduce?: string;
  /** "Related reading" / "Lectura relacionada" links' text, when the article has them. */
  relatedReading?: string;
  /** Plain text of the whole body (headings and labels included), for indexing. */
  body: string;
  version: number;
  /** Experience League link for this article in this language. */
  url: string;
  /** File the article was read from. */
  source: string;
}
