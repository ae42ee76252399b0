/** Which projects a portfolio question looks at. */
import type { Model } from '../model/model.js';
import type { Project } from '../types.js';

/**
 * The projects of the model, sorted by id: without a scope all of them; with one, those with an implementer or an
 * organisation funder among the scope organisation and its members (transitively). Cancelled projects only when
 * asked for.
 *
 * @throws {@link QueryError} `scope.unknown` or `scope.not-organisation`.
 */
export function projectsInScope(model: Model, scope: string | undefined, includeCancelled: boolean): Project[] {
  const keep = (project: Project) => includeCancelled || project.status !== 'cancelled';
  if (scope === undefined) return model.projects().filter(keep);
  const organisations = new Set(model.scope(scope, { includeRetired: true }).organisations);
  return model
    .projects()
    .filter(
      (project) =>
        keep(project) &&
        ((project.implementers ?? []).some((id) => organisations.has(id)) ||
          (project.funding ?? []).some((part) => organisations.has(part.funder))),
    );
}
