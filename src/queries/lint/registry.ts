/**
 * The registry of lint rules: one definition per rule id. A new rule is a module in rules/ (its id, metadata and
 * check in one object), its id in `lintRuleIds` and one line here; the type below refuses a registry that misses
 * an id, and each definition's type refuses a rule without a check.
 */
import type { LintRuleDefinition, LintRuleId } from './rule.js';
import { contractExpired } from './rules/contract-expired.js';
import { contractNoticeDue } from './rules/contract-notice-due.js';
import { integrationDuplicate } from './rules/integration-duplicate.js';
import { integrationSelf } from './rules/integration-self.js';
import { integrationToRetired } from './rules/integration-to-retired.js';
import { integrationViaNonPlatform } from './rules/integration-via-non-platform.js';
import { nameDuplicate } from './rules/name-duplicate.js';
import { organisationMemberCycle } from './rules/organisation-member-cycle.js';
import { organisationOrphan } from './rules/organisation-orphan.js';
import { serviceNoSystem } from './rules/service-no-system.js';
import { systemDependencyCycle } from './rules/system-dependency-cycle.js';
import { systemNoOwner } from './rules/system-no-owner.js';
import { systemNoProduct } from './rules/system-no-product.js';
import { systemNoService } from './rules/system-no-service.js';
import { systemObligatedOffering } from './rules/system-obligated-offering.js';
import { systemRetiredInUse } from './rules/system-retired-in-use.js';
import { toriParallel } from './rules/tori-parallel.js';
import { tosiParallelUnintegrated } from './rules/tosi-parallel-unintegrated.js';

const REGISTRY: { readonly [Id in LintRuleId]: LintRuleDefinition<Id> } = {
  'contract.expired': contractExpired,
  'contract.notice-due': contractNoticeDue,
  'integration.duplicate': integrationDuplicate,
  'integration.self': integrationSelf,
  'integration.to-retired': integrationToRetired,
  'integration.via-non-platform': integrationViaNonPlatform,
  'name.duplicate': nameDuplicate,
  'organisation.member-cycle': organisationMemberCycle,
  'organisation.orphan': organisationOrphan,
  'service.no-system': serviceNoSystem,
  'system.dependency-cycle': systemDependencyCycle,
  'system.no-owner': systemNoOwner,
  'system.no-product': systemNoProduct,
  'system.no-service': systemNoService,
  'system.obligated-offering': systemObligatedOffering,
  'system.retired-in-use': systemRetiredInUse,
  'tori.parallel': toriParallel,
  'tosi.parallel-unintegrated': tosiParallelUnintegrated,
};

/** Every rule's definition, sorted by id. @internal */
export const lintRuleDefinitions: readonly LintRuleDefinition[] = Object.freeze(
  Object.values(REGISTRY).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
);
