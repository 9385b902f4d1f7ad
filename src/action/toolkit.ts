// What the action's flows need from @actions/core, the toolkit's interface to the runner. run() and cleanup()
// take it as a value (the entry points pass the real module), so a test can hand them a recording double and
// no flow reads the runner's files or environment on its own.
import type * as core from '@actions/core';

export type ActionCore = Pick<
  typeof core,
  | 'info'
  | 'warning'
  | 'error'
  | 'debug'
  | 'isDebug'
  | 'setSecret'
  | 'exportVariable'
  | 'setOutput'
  | 'saveState'
  | 'getState'
  | 'getInput'
  | 'getBooleanInput'
  | 'getIDToken'
  | 'setFailed'
  | 'summary'
>;
