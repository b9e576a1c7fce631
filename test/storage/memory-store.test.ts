import { createMemoryStore } from '../../src/storage/memory-store';
import { describeStorageContract } from './storage-contract';

describeStorageContract('memory', async () => createMemoryStore());
