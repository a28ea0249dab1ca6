// Deployed functions: each export's name is its identity in Firebase, so it never changes.
export { paddleWebhook } from "./webhooks/paddle/endpoint.js";
export { paddleClassicWebhook } from "./webhooks/paddle-classic/endpoint.js";
export { lemonSqueezyWebhook } from "./webhooks/lemonsqueezy/endpoint.js";
export { onOrderWritten } from "./triggers/on-order-written.js";
export { session } from "./auth/session.js";
