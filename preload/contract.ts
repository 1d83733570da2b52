// The bridge contract lives in common/contract/, beside the other shared schemas; this module keeps
// the preload's old import path working.
export * from '../common/contract/index';
