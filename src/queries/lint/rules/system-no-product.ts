/** The lint rule `system.no-product`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired } from '../support.js';

/**
 * A system not retired that names no product.
 *
 * @category Queries
 */
export const systemNoProduct: LintRuleDefinition<'system.no-product'> = {
  id: 'system.no-product',
  severity: 'info',
  description: 'A system not retired that names no product.',
  rationale: 'Without a product it cannot be matched with other installations of the same product for harmonisation.',
  docs: LINT_DOCS,
  check: ({ model, systems }, emit) => {
    for (const system of systems) {
      if (!retired(system) && system.product === undefined)
        emit(system.id, `system ${label(model, system.id)} names no product`);
    }
  },
};
