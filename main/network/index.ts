export { DEFAULT_PROBE_BACKOFF, probeDelay, type BackoffPolicy } from './backoff';
export { createConnectivityMonitor, type ConnectivityMonitor, type MonitorTimers, type NetworkState } from './connectivity-monitor';
export { createGatewayProbe, PROBE_TIMEOUT_MS } from './gateway-probe';
export { observeCalls } from './observed-calls';
export { verdictOf, type CallVerdict } from './unreachable';
