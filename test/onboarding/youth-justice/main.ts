import 'reflect-metadata';
import { runAgencyMain } from '../../kit/subgraph/run';
import { service } from './service';

runAgencyMain(service);
