export { actorOf } from '#events/people.js';
