/**
 * clientele/crm — the CRM toolkit of the source material: MAN prospect
 * qualification and contact discipline, complaint analytics and the
 * silent-dissatisfied estimate, service KPIs, and the customer-share decomposition.
 * @module
 */

// The errors crm's functions throw, so that `import { InvalidRecordError } from "clientele/crm"` works (the same classes as core's).
export { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
export {
  type ComplaintCategoryRow,
  type ComplaintDurationSummary,
  type ComplaintSeverityRow,
  type ComplaintSummaryOptions,
  type ComplaintSummaryResult,
  type ComplaintTrendRow,
  complaintSummary,
  DEFAULT_COMPLAINT_CATEGORIES,
} from "./complaintSummary.js";
export {
  type ContactPolicyOptions,
  type ContactPolicyResult,
  type ContactPolicyRow,
  type ContactStatus,
  contactPolicy,
} from "./contactPolicy.js";
export { type CustomerShareOptions, type CustomerShareResult, customerShare } from "./customerShare.js";
export {
  type CustomerShareInputsOptions,
  type CustomerShareInputsResult,
  customerShareInputs,
} from "./customerShareInputs.js";
export {
  type Offering,
  type OfferingPayments,
  type OfferingRequirement,
  offeringPayments,
} from "./offeringPayments.js";
export {
  type ProspectPresetName,
  type ProspectRules,
  prospectQualificationPresets,
} from "./prospectQualificationPresets.js";
export {
  type ProspectAffordability,
  type ProspectChoice,
  type ProspectFields,
  type ProspectReasonCategory,
  type ProspectRecord,
  type ProspectVerdict,
  type ProspectVeto,
  type QualifiedProspect,
  type QualifyProspectsOptions,
  type QualifyProspectsResult,
  qualifyProspects,
} from "./qualifyProspects.js";
export {
  type ServiceKpisComplaints,
  type ServiceKpisInventory,
  type ServiceKpisOptions,
  type ServiceKpisReceipts,
  type ServiceKpisResult,
  type ServiceKpiValues,
  serviceKpis,
} from "./serviceKpis.js";
export {
  type SilentDissatisfiedOptions,
  type SilentDissatisfiedRange,
  type SilentDissatisfiedResult,
  silentDissatisfied,
} from "./silentDissatisfied.js";
export type { CrmPeriod, CrmRate } from "./types.js";
