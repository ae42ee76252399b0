// Preloaded with `node --import`: records which modules a run of `kartta` loads (see record-loads-hooks.mjs).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url);
