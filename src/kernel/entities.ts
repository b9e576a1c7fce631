import type { Lang } from './lang';

/** Entities found in a message. */
export interface Entities {
  /** Target language named in the message ("in English", "tieng viet"), if any. */
  language?: Lang;
  /** Countries and border towns named, as canonical ids (cambodia, myanmar, laos, thailand, myawaddy, ...). */
  places: string[];
}
