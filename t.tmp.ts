import { readdirSync, readFileSync } from 'node:fs';
import { extractFiles } from './libs/domain/src/extractor/extract';
const files = readdirSync('corpus').filter(f=>f.endsWith('.txt')).map(name=>({name, bytes: new Uint8Array(readFileSync('corpus/'+name))}));
for (let i=0;i<3;i++) extractFiles(files);
const t=process.hrtime.bigint(); for (let i=0;i<15;i++) extractFiles(files); console.log(Number(process.hrtime.bigint()-t)/15e6,'ms');
