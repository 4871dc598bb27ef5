import { runOnlyWhenIdle } from '../../core/priority';

/**
 * Whether npm run train's process moved into the idle scheduling class (runOnlyWhenIdle). train.ts
 * imports this first, so that the move comes before TensorFlow.js, the drivers and the trainer load:
 * loading them takes a second or more of CPU, which must not be taken from the API's requests either.
 */
export const trainsWhenIdle = runOnlyWhenIdle('process');
