import type { Language } from '../kb/types';
import { en } from './en';
import { es } from './es';
import type { Catalog } from './texts';

export type { Catalog } from './texts';

const CATALOGS: Record<Language, Catalog> = { en, es };

export function catalog(language: Language): Catalog {
  return CATALOGS[language];
}
