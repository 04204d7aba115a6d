/** The events of `disclosure.events`, one schema per type and version. */
export { ComplaintFiledV1 } from './ComplaintFiled.v1.js';
export { ComplaintRoutedV1 } from './ComplaintRouted.v1.js';
export { ComplaintAcceptedV1 } from './ComplaintAccepted.v1.js';
export { ComplaintAnsweredV1 } from './ComplaintAnswered.v1.js';
export { ComplaintReferredV1 } from './ComplaintReferred.v1.js';
export { ComplaintRatedV1 } from './ComplaintRated.v1.js';
export { ClueFiledV1 } from './ClueFiled.v1.js';
export { ItemProposedV1 } from './ItemProposed.v1.js';
export { ItemPublishedV1 } from './ItemPublished.v1.js';
export { ItemRejectedV1 } from './ItemRejected.v1.js';
export { ItemWithdrawnV1 } from './ItemWithdrawn.v1.js';
