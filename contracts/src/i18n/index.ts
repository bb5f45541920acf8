export * from './catalogue-files.ts';
export * from './locales.ts';
export * from './translator.ts';
