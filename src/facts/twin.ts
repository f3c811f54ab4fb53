// The Python twin's promise: how close its losses and weights are to the engine's. The twin's
// test (tests/unit/engine/python-twin.test.ts) checks it, and the whole program's page states it.

/** The largest difference allowed between the twin's and the engine's losses and weights. */
export const twinTolerance = 1e-12;
