import { runOnlyWhenIdle } from '../../core/priority';

/**
 * Whether the training thread moved into the idle scheduling class (runOnlyWhenIdle). Its entry
 * (trainer-thread.ts) imports this first, so that the move comes before TensorFlow.js and the trainer
 * load: loading them takes a second or more of CPU, which must not be taken from the API's requests either.
 */
export const trainsWhenIdle = runOnlyWhenIdle('thread');
