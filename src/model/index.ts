export * from './config.js';
export * from './contact.js';
export * from './cost-line.js';
export * from './driver.js';
