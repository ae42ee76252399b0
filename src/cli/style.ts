/**
 * Colours for one output stream. Colour is on only for a terminal, never when NO_COLOR is set (any non-empty
 * value, see no-color.org) or `--no-color` is given; FORCE_COLOR turns it on for a pipe (CI logs).
 */
import picocolors from 'picocolors';

export type Style = ReturnType<typeof picocolors.createColors>;

export interface ColourSettings {
  /** False when `--no-color` was given. */
  readonly allowed: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export function colourEnabled(stream: { isTTY?: boolean }, settings: ColourSettings): boolean {
  if (!settings.allowed) return false;
  const noColor = settings.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  const force = settings.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && settings.env.TERM !== 'dumb';
}

export function styleFor(stream: { isTTY?: boolean }, settings: ColourSettings): Style {
  return picocolors.createColors(colourEnabled(stream, settings));
}

/** No colours: for files, whatever the terminal. */
export const plainStyle: Style = picocolors.createColors(false);
