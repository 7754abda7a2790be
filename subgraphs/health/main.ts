import { main } from '../../kit/subgraph/agency';
import { healthService } from './service';

main(healthService);
