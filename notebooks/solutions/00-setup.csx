// Notebook 00's answers; the runner puts this file in place of the answer cell when given --solutions.
double? pixelStd = mnist.TrainImages.std().item<float>();
long? sevens = (mnist.TrainLabels == 7).sum().item<long>();
