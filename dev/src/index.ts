export { freePort } from './child-service';
export { type RunningEmulator, resetFirestore, startFirestoreEmulator } from './firestore/emulator';
export { EmulatorJarMissingError, findEmulatorJar, INSTALL_HINT } from './firestore/emulator-jar';
