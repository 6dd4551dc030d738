export * from './result';
export * from './idCard';
export * from './bankCard';
export * from './phone';
export * from './name';
export * from './mask';
export * from './accountForm';
