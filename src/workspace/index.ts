export { CONFIG_FILE, readConfig } from './config-file.js';
export {
  DATABASE_FILE,
  initWorkspace,
  type OpenOptions,
  openWorkspace,
  type Workspace,
} from './workspace.js';
