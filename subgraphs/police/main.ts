import { main } from '../../kit/subgraph/agency';
import { policeService } from './service';

main(policeService);
