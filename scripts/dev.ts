import { launch, reportFatal } from './launch'

await launch('dev').catch(reportFatal)
