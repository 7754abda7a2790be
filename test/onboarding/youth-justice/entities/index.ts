import { YjsCase } from './yjs-case';

export { YjsCase };

export const entities = [YjsCase];
