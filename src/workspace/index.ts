export { CONFIG_FILE, readConfig } from './config-file.js';
export { DATABASE_FILE, initWorkspace, openWorkspace, type Workspace } from './workspace.js';
