/** The events of `inspections.events`, one schema per type and version. */
export { CaseOpenedV1 } from './CaseOpened.v1.js';
export { InquiryConcludedV1 } from './InquiryConcluded.v1.js';
export { MeasureImposedV1 } from './MeasureImposed.v1.js';
export { BanImposedV1 } from './BanImposed.v1.js';
export { CaseEscalatedV1 } from './CaseEscalated.v1.js';
export { CaseClosedV1 } from './CaseClosed.v1.js';
export { CaseReopenedV1 } from './CaseReopened.v1.js';
export { ExemptionGrantedV1 } from './ExemptionGranted.v1.js';
export { ClarificationIssuedV1 } from './ClarificationIssued.v1.js';
export { FollowUpVisitedV1 } from './FollowUpVisited.v1.js';
export { OpinionGivenV1 } from './OpinionGiven.v1.js';
export { GiftRegisteredV1 } from './GiftRegistered.v1.js';
