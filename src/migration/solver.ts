/**
 * Loading the HiGHS solver (WebAssembly, asynchronous) once per process. The package `highs` is imported only
 * when a plan first asks for the MIP, so `planMigration` and every other function never load it.
 */
import type { Highs } from 'highs';

type Loader = () => Promise<Highs>;

const defaultLoader: Loader = async () => {
  const module = (await import('highs')) as unknown as { default: (options?: object) => Promise<Highs> };
  return module.default();
};

let loader: Loader = defaultLoader;
let loaded: Promise<Highs> | undefined;

/** The solver, loaded on first use; a failed load is tried again on the next call. */
export function loadSolver(): Promise<Highs> {
  if (!loaded) {
    loaded = loader().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  }
  return loaded;
}

/** For tests: replaces the loader (undefined restores the real one) and forgets the loaded solver. */
export function setSolverLoader(replacement: Loader | undefined): void {
  loader = replacement ?? defaultLoader;
  loaded = undefined;
}
