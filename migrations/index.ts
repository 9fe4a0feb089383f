import * as migration_20261122_042413_initial from './20261122_042413_initial';
import * as migration_20261122_051736_rbac from './20261122_051736_rbac';

export const migrations = [
  {
    up: migration_20261122_042413_initial.up,
    down: migration_20261122_042413_initial.down,
    name: '20261122_042413_initial',
  },
  {
    up: migration_20261122_051736_rbac.up,
    down: migration_20261122_051736_rbac.down,
    name: '20261122_051736_rbac'
  },
];
