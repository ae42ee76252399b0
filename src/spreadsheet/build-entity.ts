/** The entities a spreadsheet build makes, shared by the model's part of the build and the portfolio's. */
import type { RowRecord } from './sheets.js';

/** What the build makes entities of: the model's collections and the portfolio's. */
export type Collection =
  | 'organisations'
  | 'services'
  | 'products'
  | 'systems'
  | 'integrations'
  | 'themes'
  | 'funders'
  | 'offerings'
  | 'projects';
/** A document element being built. */
export type Doc = Record<string, unknown>;

/** One entity being built, with every record that gave it. */
export interface Entity {
  readonly collection: Collection;
  id: string;
  readonly doc: Doc;
  readonly records: RowRecord[];
  readonly names: string[];
  owner?: string;
}
