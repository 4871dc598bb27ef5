export * from './accounts';
export * from './events';
export * from './media';
export * from './notes';
export * from './products';
export * from './social';
export * from './recommender';
export * from './commerce';
