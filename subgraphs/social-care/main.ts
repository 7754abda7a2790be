import 'reflect-metadata';
import { main } from '../../kit/subgraph/agency';
import { socialCareService } from './service';

main(socialCareService);
