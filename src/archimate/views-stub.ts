/** Temporary stand-in until src/archimate/views/index.ts exists (removed then). */
import type { Model } from '../model/model.js';
import type { ViewSpec } from './views/types.js';

export function buildViews(_model: Model, _options: Record<string, unknown>): ViewSpec[] {
  return [];
}
