/**
 * Node sizes as Archi draws them: 120 x 55 for an element, wider when the name would not fit in the three lines
 * that height holds. Internal.
 */
import type { Name } from '../../types.js';

/** Archi's default element size. */
export const ELEMENT_WIDTH = 120;
export const ELEMENT_HEIGHT = 55;
const MAX_WIDTH = 240;
/** Average advance of Archi's default 9 pt font, and the text inset plus the type icon on the first line. */
const CHAR_WIDTH = 6.5;
const INSET = 24;
const LINES = 3;

/** The label a diagram shows for a name: Finnish first, then English, then the first language given. */
export function label(name: Name): string {
  if (typeof name === 'string') return name;
  return name.fi ?? name.en ?? Object.values(name)[0] ?? '';
}

/** Width and height for an element node showing `text`, a multiple of 10 wide so the grid stays tidy. */
export function elementSize(text: string): { w: number; h: number } {
  const chars = [...text].length;
  // Word wrapping wastes part of every line; 15 % slack keeps the last word from spilling into a fourth line.
  const needed = Math.ceil((chars * 1.15) / LINES) * CHAR_WIDTH + INSET;
  const w = Math.min(MAX_WIDTH, Math.max(ELEMENT_WIDTH, Math.ceil(needed / 10) * 10));
  return { w, h: ELEMENT_HEIGHT };
}
