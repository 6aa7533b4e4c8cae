import { MemoryStore } from "../../src/store/memoryStore.js";
import { storeContract } from "./storeContract.js";

storeContract("MemoryStore", async () => new MemoryStore());
