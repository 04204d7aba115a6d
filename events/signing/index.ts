/** The events of `signing.events`, one schema per type and version. */
export { UnitRegisteredV1 } from './UnitRegistered.v1.js';
export { UnitRenamedV1 } from './UnitRenamed.v1.js';
export { UnitMovedV1 } from './UnitMoved.v1.js';
export { UnitDeactivatedV1 } from './UnitDeactivated.v1.js';
export { PersonAssignedV1 } from './PersonAssigned.v1.js';
export { PersonLeftPostV1 } from './PersonLeftPost.v1.js';
export { ResponsibilityListPublishedV1 } from './ResponsibilityListPublished.v1.js';
export { LetterIssuedV1 } from './LetterIssued.v1.js';
export { LetterSignedV1 } from './LetterSigned.v1.js';
export { LetterCompletedV1 } from './LetterCompleted.v1.js';
export { LetterVoidedV1 } from './LetterVoided.v1.js';
export { RiskPostGradedV1 } from './RiskPostGraded.v1.js';
export { PledgeSignedV1 } from './PledgeSigned.v1.js';
export { RotationDueV1 } from './RotationDue.v1.js';
