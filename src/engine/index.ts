/** The engine's public surface: pure domain rules, no I/O. Import from here outside src/engine. */
export * from './attempt-state';
export * from './blueprint';
export * from './calibrate';
export * from './cat';
export * from './draw';
export * from './irt';
export * from './parse-answer';
export * from './question';
export * from './random';
export * from './save';
export * from './scale';
export * from './scoring';
export * from './timing';
