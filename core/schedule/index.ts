export * from './types';
export * from './dueDates';
export * from './productSchedule';
export * from './monthlySchedule';
