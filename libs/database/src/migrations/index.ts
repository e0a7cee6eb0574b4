// Every migration, in order. `npm run migration:generate -- <Name>` appends new ones here.
import { Initial1795532165386 } from './1795532165386-initial.js';
export const MIGRATIONS = [Initial1795532165386];
