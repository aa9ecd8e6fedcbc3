export { BUSY_RETRY_SECONDS, decideLease, type DenialCode, type LeaseDecision, type LeaseRequest } from './decide-lease.js';
export { effectiveLimit, isRateLimitError, limitStatus, onRateLimit, type LimitStatus } from './effective-limit.js';
export { expireLeases } from './expire-leases.js';
export { poolMessages } from './messages.js';
export { emptyPoolState, type PoolConfig, type PoolLease, type PoolSession, type PoolState, type RateLimitState, type SessionUsageCursor } from './pool-state.js';
export { attachAgent, releaseLease, touchLease, type LeaseKey } from './release-lease.js';
