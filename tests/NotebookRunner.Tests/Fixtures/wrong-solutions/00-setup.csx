// Two mistakes a learner makes: the standard deviation in 0–255 units, and the 7s of the test set instead of the training set.
double? pixelStd = mnist.TrainImages.std().item<float>() * 255;
long? sevens = (mnist.TestLabels == 7).sum().item<long>();
