export * from './services';
export * from './statuses';
export * from './terms';
export * from './result';
export * from './cases';
export * from './rules';
export * from './refunds';
export * from './practice-labels';
