/** The lint rule `integration.via-non-platform`. */
import { LINT_DOCS, type LintRuleDefinition } from '../rule.js';
import { label, retired } from '../support.js';

/**
 * An integration whose `via` is not a working platform for it: the platform is retired, or it is one of the integration's own ends.
 *
 * @category Queries
 */
export const integrationViaNonPlatform: LintRuleDefinition<'integration.via-non-platform'> = {
  id: 'integration.via-non-platform',
  severity: 'error',
  description:
    "An integration whose `via` is not a working platform for it: the platform is retired, or it is one of the integration's own ends.",
  rationale:
    'A flow through a retired platform does not run; naming an end as the platform hides how the data really moves.',
  docs: LINT_DOCS,
  check: ({ model, integrations }, emit) => {
    for (const integration of integrations) {
      const via = integration.via;
      if (via === undefined) continue;
      const platform = model.system(via);
      let reason: string | undefined;
      if (platform?.platform !== true) reason = 'not-platform';
      else if (via === integration.source || via === integration.target) reason = 'own-end';
      else if (retired(platform)) reason = 'retired';
      if (reason === undefined) continue;
      const text =
        reason === 'own-end'
          ? `runs via ${label(model, via)}, which is one of its own ends`
          : reason === 'retired'
            ? `runs via ${label(model, via)}, a retired platform`
            : `runs via ${label(model, via)}, which is not a platform`;
      emit(integration.id, `integration '${integration.id}' ${text}`, [via], { via, reason });
    }
  },
};
