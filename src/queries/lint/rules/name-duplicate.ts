/** The lint rule `name.duplicate`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, nameKeys, sharedKeyGroups } from '../support.js';

/**
 * Two or more organisations, services or systems of the same kind sharing a name (ignoring case and runs of white space, in any language).
 *
 * @category Queries
 */
export const nameDuplicate: LintRuleDefinition<'name.duplicate'> = {
  id: 'name.duplicate',
  severity: 'warning',
  description:
    'Two or more organisations, services or systems of the same kind sharing a name (ignoring case and runs of white space, in any language).',
  rationale: 'People cannot tell them apart in reports and diagrams; often the same thing was entered twice.',
  docs: LINT_DOCS,
  check: ({ model, organisations, systems, services }, emit) => {
    const kinds: [string, { id: string; keys: string[] }[]][] = [
      ['organisations', organisations.map((id) => ({ id, keys: nameKeys(model.organisation(id)?.name ?? id) }))],
      ['services', services.map((id) => ({ id, keys: nameKeys(model.service(id)?.name ?? id) }))],
      ['systems', systems.map((s) => ({ id: s.id, keys: nameKeys(s.name) }))],
    ];
    for (const [kind, items] of kinds) {
      for (const group of sharedKeyGroups(items)) {
        emit(
          group[0] as string,
          `${kind} ${group.map((id) => label(model, id)).join(', ')} share a name`,
          group.slice(1),
          { kind },
        );
      }
    }
  },
};
