export { runEveryStep, settleWithin, type ShutdownStep } from './shutdown';
export { createReloadBudget } from './reload-budget';
