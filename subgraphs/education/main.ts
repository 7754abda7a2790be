import { main } from '../../kit/subgraph/agency';
import { educationService } from './service';

main(educationService);
