/** The events of `interviews.events`, one schema per type and version. */
export { TalkProposedV1 } from './TalkProposed.v1.js';
export { TalkApprovedV1 } from './TalkApproved.v1.js';
export { TalkHeldV1 } from './TalkHeld.v1.js';
export { PositionStatedV1 } from './PositionStated.v1.js';
export { RectificationRequestedV1 } from './RectificationRequested.v1.js';
export { WarningNoticeIssuedV1 } from './WarningNoticeIssued.v1.js';
export { WarningReplyReceivedV1 } from './WarningReplyReceived.v1.js';
export { WarningReplyAcceptedV1 } from './WarningReplyAccepted.v1.js';
export { WarningReplyReturnedV1 } from './WarningReplyReturned.v1.js';
export { WarningReplyOverdueV1 } from './WarningReplyOverdue.v1.js';
export { EducationPlanFiledV1 } from './EducationPlanFiled.v1.js';
export { EducationSessionHeldV1 } from './EducationSessionHeld.v1.js';
export { TrainingCompletedV1 } from './TrainingCompleted.v1.js';
